import { describe, expect, it } from "vitest";
import { RESPONSE_EXCERPT_LENGTH, responseExcerpt } from "./response-excerpt";

describe("responseExcerpt", () => {
  it("keeps a short reply as it is, on one line", () => {
    expect(responseExcerpt("upstream\n\tdatabase   down\r\n")).toBe("upstream database down");
  });

  it("writes a JSON reply (Conekta's response_data) as JSON", () => {
    expect(responseExcerpt({ error: "bad signature" })).toBe('{"error":"bad signature"}');
  });

  it("cuts a long reply with an ellipsis at the limit", () => {
    const excerpt = responseExcerpt("x".repeat(5000));
    expect(excerpt).toHaveLength(RESPONSE_EXCERPT_LENGTH);
    expect(excerpt?.endsWith("…")).toBe(true);
  });

  it("drops control characters, so a reply cannot draw on the page or the log", () => {
    expect(responseExcerpt("ok\u0000\u001b[31mred\u007f")).toBe("ok [31mred");
  });

  it("says nothing for an empty reply", () => {
    for (const empty of [null, undefined, "", "  \n "]) expect(responseExcerpt(empty)).toBeNull();
  });
});
