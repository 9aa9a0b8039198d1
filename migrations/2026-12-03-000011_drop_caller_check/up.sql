-- The caller check is now a prepared statement the service reads an answer from
-- (auth::store::caller_still_valid): reads no longer begin a transaction it had to travel with.
DROP FUNCTION IF EXISTS caller_check(UUID, INT, TEXT, UUID, UUID);
