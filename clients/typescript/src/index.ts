/**
 * Typed client for the budget-monitor API.
 *
 * `schema.d.ts` is generated from openapi/openapi.json by scripts/clients/generate.sh (never edit
 * it by hand); this file binds openapi-fetch to it, so paths, parameters, bodies and responses are
 * all checked by the compiler.
 *
 *     const api = createClient({ baseUrl: "http://127.0.0.1:8080" });
 *     api.use(bearerAuth(() => tokens?.access_token));
 *     const { data, error } = await api.GET("/api/v1/projects/{id}", { params: { path: { id } } });
 */
import createFetchClient, { type Client, type ClientOptions, type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema";

export type { components, operations, paths } from "./schema";

/** Every named schema of the API, e.g. `Schemas["Project"]`. */
export type Schemas = components["schemas"];

/** The RFC 9457 `application/problem+json` body of every error response. */
export type Problem = Schemas["Problem"];

/** An openapi-fetch client bound to the budget-monitor paths. */
export type BudgetMonitorClient = Client<paths>;

/** Creates a client; `baseUrl` is the server's origin (the paths already start with `/api/v1`). */
export function createClient(options: ClientOptions = {}): BudgetMonitorClient {
  return createFetchClient<paths>(options);
}

/**
 * Middleware that sends `Authorization: Bearer <token>`. The token is read on every request, so a
 * refreshed access token is picked up without re-creating the client; no token, no header.
 */
export function bearerAuth(
  getToken: () => string | null | undefined | Promise<string | null | undefined>,
): Middleware {
  return {
    async onRequest({ request }) {
      const token = await getToken();
      if (token) {
        request.headers.set("Authorization", `Bearer ${token}`);
      }
      return request;
    },
  };
}
