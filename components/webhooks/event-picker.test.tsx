// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { makeWrapper } from "@/lib/testing/render";
import type { EventGroup } from "@/lib/webhooks/schemas";
import { EventPicker } from "./event-picker";

const groups: EventGroup[] = [
  { id: "order", events: ["order.created", "order.paid", "order.refunded"] },
  { id: "charge", events: ["charge.created", "charge.paid"] },
];

/** The picker as the form holds it: its value in state, each change also reported to `onChange`. */
function renderPicker(initial: string[] = []) {
  const onChange = vi.fn<(events: string[]) => void>();
  function Picker() {
    const [value, setValue] = useState(initial);
    return (
      <EventPicker
        groups={groups}
        value={value}
        onChange={(events) => {
          onChange(events);
          setValue(events);
        }}
      />
    );
  }
  render(<Picker />, { wrapper: makeWrapper() });
  return { onChange, chosen: () => onChange.mock.lastCall?.[0] };
}

const box = (name: string) => screen.getByRole("checkbox", { name });
const checked = (name: string) => box(name).getAttribute("aria-checked");
const count = () => screen.getByRole("status").textContent;

afterEach(cleanup);

describe("the events picker", () => {
  it("shows a group as some-chosen, and its checkbox chooses or clears the whole group", () => {
    const { chosen } = renderPicker();
    fireEvent.click(box("order.paid"));
    expect(checked("All events in Orders")).toBe("mixed");

    fireEvent.click(box("All events in Orders"));
    expect(chosen()).toEqual(["order.created", "order.paid", "order.refunded"]);
    expect(checked("All events in Orders")).toBe("true");
    expect(checked("All events in Charges")).toBe("false");

    fireEvent.click(box("All events in Orders"));
    expect(chosen()).toEqual([]);
  });

  it("keeps the chosen events in the catalogue's order, whatever the order of clicks", () => {
    const { chosen } = renderPicker();
    fireEvent.click(box("charge.paid"));
    fireEvent.click(box("order.created"));
    expect(chosen()).toEqual(["order.created", "charge.paid"]);
    expect(count()).toBe("2 events selected of 5");
  });

  it("searches events, and Select all / Select none act on the events shown", () => {
    const { chosen } = renderPicker(["order.created"]);
    fireEvent.change(screen.getByRole("searchbox", { name: "Search events" }), {
      target: { value: "PAID" },
    });
    expect(screen.queryByRole("checkbox", { name: "order.created" })).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Select all" }));
    expect(chosen()).toEqual(["order.created", "order.paid", "charge.paid"]);

    fireEvent.click(screen.getByRole("button", { name: "Select none" }));
    expect(chosen()).toEqual(["order.created"]);
  });

  it("says when no event matches the search", () => {
    renderPicker();
    fireEvent.change(screen.getByRole("searchbox", { name: "Search events" }), {
      target: { value: "payout" },
    });
    expect(screen.getByText("No event matches “payout”.")).toBeTruthy();
    // Only the "Selected only" filter is left: no event's box.
    expect(screen.queryAllByRole("checkbox")).toEqual([box("Selected only")]);
  });

  it("keeps an event the catalogue does not know chosen and visible, so a save does not drop it", () => {
    const { chosen } = renderPicker(["legacy.event"]);
    expect(checked("legacy.event")).toBe("true");
    expect(count()).toBe("1 event selected of 5");

    fireEvent.click(box("order.paid"));
    expect(chosen()).toEqual(["order.paid", "legacy.event"]);
  });
});

describe("the selection above the picker", () => {
  const chips = () =>
    screen.queryByRole("list", { name: "Selected events" })?.querySelectorAll("li") ?? [];

  it("shows each chosen event as a chip whose button removes it", () => {
    const { chosen } = renderPicker(["order.paid", "charge.paid"]);
    expect([...chips()].map((li) => li.textContent)).toEqual(["order.paid", "charge.paid"]);
    fireEvent.click(screen.getByRole("button", { name: "Remove order.paid" }));
    expect(chosen()).toEqual(["charge.paid"]);
    expect(checked("order.paid")).toBe("false");
  });

  it("shows nothing when no event is chosen", () => {
    renderPicker([]);
    expect(screen.queryByRole("list", { name: "Selected events" })).toBeNull();
  });

  it("lists only the chosen events with Selected only", () => {
    renderPicker(["order.paid", "charge.paid"]);
    fireEvent.click(box("Selected only"));
    const events = screen
      .queryAllByRole("checkbox")
      .map((c) => c.getAttribute("id") ?? "")
      .filter((id) => /-(order|charge)\./.test(id));
    expect(events).toHaveLength(2);
    expect(screen.queryByRole("checkbox", { name: "order.created" })).toBeNull();
  });

  it("folds chips past a line into +N more, and unfolds them", () => {
    const groupsOfTwelve: string[] = Array.from({ length: 12 }, (_, i) => `e.${i}`);
    const onChange = vi.fn();
    render(
      <EventPicker
        groups={[{ id: "e", events: groupsOfTwelve }]}
        value={groupsOfTwelve}
        onChange={onChange}
      />,
      { wrapper: makeWrapper() },
    );
    const more = screen.getByRole("button", { name: "+4 more" });
    expect(more.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(more);
    expect(screen.getByRole("button", { name: "Remove e.11" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Show fewer" })).toBeTruthy();
  });
});
