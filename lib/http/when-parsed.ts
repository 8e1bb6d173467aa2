/**
 * A zod `when` for an object's cross-field check: run it although another field failed, as long as the
 * fields it reads parsed. By default zod skips an object's refinements once any field has an issue, so a
 * form with a too-long title and a date in the future heard about the date one save later.
 */
type Payload = { issues: ReadonlyArray<{ path?: ReadonlyArray<PropertyKey> }> };

export function whenParsed(...fields: string[]): (payload: Payload) => boolean {
  return (payload) => !payload.issues.some((i) => !i.path?.length || fields.includes(String(i.path[0])));
}
