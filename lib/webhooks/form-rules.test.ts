import { z } from "zod";
import { describe, expect, it } from "vitest";
import { checkWebhookForm, webhookFormResolver, type WebhookFormValues } from "./form-rules";
import { EMAIL_PATTERN } from "./rules";
import { createWebhookSchema } from "./schemas";

const strict = { allowLoopback: false };
const blank: WebhookFormValues = { url: "", events: [], alertEmail: "", secret: "", active: true };
const valid: WebhookFormValues = { ...blank, url: "https://example.com/hook", events: ["a.b"] };

describe("the form's rules", () => {
  it("names the first rule each field breaks, as a message key", () => {
    expect(checkWebhookForm("razorpay", strict, blank).problems).toEqual({
      url: "validation.urlRequired",
      events: "validation.eventsRequired",
    });
    expect(
      checkWebhookForm("razorpay", strict, {
        ...valid,
        url: "http://10.0.0.1/hook",
        alertEmail: "ops@",
        secret: "s".repeat(201),
      }).problems,
    ).toEqual({
      url: "validation.urlPrivate",
      alertEmail: "validation.emailInvalid",
      secret: "validation.secretTooLong",
    });
  });

  it("takes a blank URL (spaces only) as missing and saves the URL trimmed", () => {
    expect(checkWebhookForm("conekta", strict, { ...valid, url: "   " }).problems).toEqual({
      url: "validation.urlRequired",
    });
    const { values, problems } = checkWebhookForm("conekta", strict, {
      ...valid,
      url: "  https://example.com/hook ",
    });
    expect(problems).toEqual({});
    expect(values.url).toBe("https://example.com/hook");
  });

  it("leaves the alert email and the secret alone for a provider without them", () => {
    expect(
      checkWebhookForm("conekta", strict, { ...valid, alertEmail: "x", secret: "s".repeat(201) })
        .problems,
    ).toEqual({});
  });

  it("agrees with the console API on every field (one set of rules)", () => {
    const forms: WebhookFormValues[] = [
      blank,
      valid,
      { ...valid, url: "ftp://example.com" },
      { ...valid, url: "http://localhost:3000/hook" },
      { ...valid, url: "https://example.com:8443/hook" },
      { ...valid, alertEmail: "not-an-email" },
      { ...valid, alertEmail: "ops@example.com" },
      { ...valid, secret: "s".repeat(200) },
      { ...valid, secret: "s".repeat(201) },
    ];
    for (const provider of ["conekta", "razorpay"]) {
      for (const form of forms) {
        const { problems } = checkWebhookForm(provider, strict, form);
        const body = {
          url: form.url,
          events: form.events,
          ...(provider === "razorpay" ? { alertEmail: form.alertEmail, secret: form.secret } : {}),
        };
        const result = createWebhookSchema(provider, strict).safeParse(body);
        const fromApi: Record<string, string> = {};
        for (const issue of result.error?.issues ?? [])
          fromApi[String(issue.path[0])] = issue.message;
        expect(problems, `${provider} ${JSON.stringify(form)}`).toEqual(fromApi);
      }
    }
  });

  it("checks email addresses with zod's pattern, as before the rules left zod", () => {
    expect(EMAIL_PATTERN.source).toBe(z.regexes.email.source);
  });
});

describe("the form's resolver", () => {
  const resolve = (values: WebhookFormValues) =>
    webhookFormResolver("razorpay", strict)(values, undefined, {
      fields: {},
      shouldUseNativeValidation: false,
    });

  it("hands react-hook-form the trimmed values when nothing is wrong", async () => {
    expect(await resolve({ ...valid, url: " https://example.com/hook " })).toEqual({
      values: { ...valid, url: "https://example.com/hook" },
      errors: {},
    });
  });

  it("hands it the message key of each broken field, and no values", async () => {
    const result = await resolve({ ...valid, events: [], alertEmail: "x" });
    expect(result.values).toEqual({});
    expect(result.errors).toEqual({
      events: { type: "validate", message: "validation.eventsRequired" },
      alertEmail: { type: "validate", message: "validation.emailInvalid" },
    });
  });
});
