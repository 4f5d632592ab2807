/**
 * A moment as the hover text tells it: date and time to the second in the user's time zone, with
 * the zone named ("3 Dec 2026, 10:00:00 CST"), so that people in two cities agree on when.
 * (`dateStyle` cannot be combined with `timeZoneName`, hence the fields.)
 */
export const exactMomentFormat = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  second: "2-digit",
  timeZoneName: "short",
} as const satisfies Intl.DateTimeFormatOptions;
