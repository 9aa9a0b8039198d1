/**
 * Compile-time checks of the generated bindings: `tsc --noEmit` (run by scripts/clients/check.sh)
 * fails if a regenerated schema.d.ts no longer fits this usage. Nothing here runs or is exported
 * from the package.
 */
import { bearerAuth, createClient, type Problem, type Schemas } from "./index";

export async function loginThenWhoAmI(username: string, password: string): Promise<Schemas["User"]> {
  const api = createClient({ baseUrl: "http://127.0.0.1:8080" });
  const login = await api.POST("/api/v1/auth/login", { body: { username, password } });
  if (login.error) {
    const problem: Problem = login.error;
    throw new Error(`${problem.status} ${problem.title}: ${problem.detail}`);
  }
  const tokens: Schemas["TokenPair"] = login.data;
  api.use(bearerAuth(() => tokens.access_token));

  const me = await api.GET("/api/v1/auth/me");
  if (me.error) {
    throw new Error(me.error.detail);
  }
  return me.data;
}

export async function projectById(id: string): Promise<Schemas["Project"] | undefined> {
  const api = createClient();
  const { data } = await api.GET("/api/v1/projects/{id}", { params: { path: { id } } });
  // Money is a decimal string, never a float.
  const budget: string | undefined = data?.initial_budget;
  void budget;
  return data;
}

export async function misuseIsRejected(): Promise<void> {
  const api = createClient();
  // @ts-expect-error: no such path
  await api.GET("/api/v1/no-such-thing");
  // @ts-expect-error: the path parameter is required
  await api.GET("/api/v1/projects/{id}", {});
  // @ts-expect-error: login needs a password
  await api.POST("/api/v1/auth/login", { body: { username: "u" } });
}
