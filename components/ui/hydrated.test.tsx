// @vitest-environment jsdom
import { act, cleanup, render, screen } from "@testing-library/react";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import { Button } from "./button";
import { Checkbox } from "./checkbox";
import { Switch } from "./switch";

afterEach(cleanup);

const controls = (
  <div>
    <Button>Send test ping</Button>
    <Checkbox checked={false} aria-label="charge.paid" />
    <Switch checked aria-label="Active" />
    <Button aria-disabled="true">Already unavailable</Button>
  </div>
);

describe("controls before and after the page's code", () => {
  it("are unavailable in the server's HTML, and available once hydrated", () => {
    const container = document.createElement("div");
    container.innerHTML = renderToString(controls);
    document.body.append(container);
    const disabledBefore = [...container.querySelectorAll("button")].map((b) =>
      b.getAttribute("aria-disabled"),
    );
    expect(disabledBefore).toEqual(["true", "true", "true", "true"]);

    act(() => {
      hydrateRoot(container, controls);
    });
    const disabledAfter = [...container.querySelectorAll("button")].map((b) =>
      b.getAttribute("aria-disabled"),
    );
    // A control's own aria-disabled stays.
    expect(disabledAfter).toEqual([null, null, null, "true"]);
    container.remove();
  });

  it("are available at once when rendered in the browser", () => {
    render(controls);
    expect(screen.getByRole("button", { name: "Send test ping" }).ariaDisabled).toBeNull();
    expect(screen.getByRole("checkbox", { name: "charge.paid" }).ariaDisabled).toBeNull();
    expect(screen.getByRole("switch", { name: "Active" }).ariaDisabled).toBeNull();
  });
});
