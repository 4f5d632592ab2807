// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { makePingSummary, makeWrapper } from "@/lib/testing/render";
import { LastPing } from "./last-ping";

afterEach(cleanup);

const failed = makePingSummary({
  outcome: "failed",
  httpStatus: 500,
  latencyMs: 84.4,
  messageCode: "failed_status",
  messageValues: { status: 500 },
  responseExcerpt: '{"error":"database down"}',
  at: "2026-12-03T10:00:00.000Z",
});

describe("a row's Last ping", () => {
  it("offers Details for a failed ping: status, latency, what happened, the reply, when and by whom", () => {
    render(<LastPing ping={failed} />, { wrapper: makeWrapper() });
    fireEvent.click(screen.getByText("Details"));
    const facts = Object.fromEntries(
      [...document.querySelectorAll("dt")].map((dt) => [
        dt.textContent,
        dt.nextElementSibling?.textContent,
      ]),
    );
    expect(facts).toMatchObject({
      "HTTP status": "500",
      Latency: "84 ms",
      "What happened": "The endpoint answered HTTP 500.",
      Response: '{"error":"database down"}',
      By: "ana@example.test",
    });
    expect(facts.Sent).toContain("2026");
  });

  it("has no Details for a delivered ping, and says Never for none", () => {
    const { rerender } = render(<LastPing ping={{ ...failed, outcome: "delivered" }} />, {
      wrapper: makeWrapper(),
    });
    expect(screen.queryByText("Details")).toBeNull();
    rerender(<LastPing ping={undefined} />);
    expect(screen.getByText("Never")).toBeTruthy();
  });
});

describe("a ping's time", () => {
  it("names the user's time zone on hover", () => {
    render(<LastPing ping={failed} />, {
      wrapper: makeWrapper({ timeZone: "America/Mexico_City" }),
    });
    const time = document.querySelector("time");
    expect(time?.getAttribute("datetime")).toBe(failed.at);
    // 10:00 UTC is 04:00 in Mexico City (UTC-6, no daylight saving since 2022).
    expect(time?.getAttribute("title")).toMatch(/4:00:00\s?AM (CST|GMT-6)/);
  });
});
