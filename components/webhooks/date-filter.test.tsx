// @vitest-environment jsdom
import { cleanup, render, renderHook, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { browserTimeZone, useBrowserTimeZone } from "@/lib/i18n/time-zone";
import { makeWrapper } from "@/lib/testing/render";
import { DateFilter, dayToUnix } from "./date-filter";

const unix = (...parts: [number, number, number, number?, number?, number?]) =>
  Date.UTC(...parts) / 1000;

afterEach(cleanup);

describe("a filter day in the user's time zone", () => {
  it.each([
    ["UTC", "2026-05-05", unix(2026, 4, 5), unix(2026, 4, 5, 23, 59, 59)],
    // India is 5½ hours ahead: its 5 May starts at 18:30 UTC on 4 May.
    ["Asia/Kolkata", "2026-05-05", unix(2026, 4, 4, 18, 30), unix(2026, 4, 5, 18, 29, 59)],
    ["America/Mexico_City", "2026-05-05", unix(2026, 4, 5, 6), unix(2026, 4, 6, 5, 59, 59)],
    // The day New York moves its clocks forward: it starts in EST and ends in EDT.
    ["America/New_York", "2026-03-08", unix(2026, 2, 8, 5), unix(2026, 2, 9, 3, 59, 59)],
  ])("%s: %s", (zone, day, start, end) => {
    expect(dayToUnix(day, "start", zone)).toBe(start);
    expect(dayToUnix(day, "end", zone)).toBe(end);
  });

  it("is no filter for an empty or malformed day", () => {
    expect(dayToUnix(undefined, "start", "UTC")).toBeUndefined();
    expect(dayToUnix("5/5/2026", "start", "UTC")).toBeUndefined();
    expect(dayToUnix("2026-13-45", "end", "UTC")).toBeUndefined();
  });
});

describe("the date filter", () => {
  it("says which time zone its days are in", () => {
    render(<DateFilter value={{}} onChange={() => undefined} />, {
      wrapper: makeWrapper({ timeZone: "Asia/Kolkata" }),
    });
    expect(screen.getByText("Times in Asia/Kolkata")).toBeTruthy();
  });

  it("says so in Spanish too", () => {
    render(<DateFilter value={{}} onChange={() => undefined} />, {
      wrapper: makeWrapper({ timeZone: "America/Mexico_City", language: "es" }),
    });
    expect(screen.getByText("Horas en America/Mexico_City")).toBeTruthy();
  });
});

describe("the browser's time zone", () => {
  it("is the one the machine is set to", () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = "America/Mexico_City";
      expect(browserTimeZone()).toBe("America/Mexico_City");
      // What the console's IntlProvider formats dates in, once the page has hydrated.
      expect(renderHook(() => useBrowserTimeZone()).result.current).toBe("America/Mexico_City");
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
