/**
 * `npm run admin:create -- --email you@example.com [--name "Your Name"]`: creates an admin in the
 * configured database, the way to the first admin outside the sandbox (there is no sign-up and no
 * default password). On a terminal it asks for the password twice without echo; otherwise it reads
 * the first line of stdin (`printf '%s\n' "$PASSWORD" | npm run admin:create -- --email …`).
 * Exit 0 with "Created admin …", 1 when refused (bad input, the email exists, the folder is in use).
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { recordAudit } from "../audit/record";
import { PASSWORD_MIN_LENGTH } from "../auth/auth";
import { createUser, findUserByEmail } from "../auth/users";
import { openDatabase } from "../db/client";
import { otherHolderOf } from "../db/data-dir-marker";
import { installDatabase } from "../db/index";
import { ConfigError, parseEnv } from "../env";
import { emailSchema, userNameSchema } from "../users/model";

const USAGE = 'Usage: npm run admin:create -- --email you@example.com [--name "Your Name"]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function parseCommandLine() {
  let values;
  try {
    ({ values } = parseArgs({
      options: { email: { type: "string" }, name: { type: "string" } },
      strict: true,
    }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const email = emailSchema.safeParse(values.email ?? "");
  if (!email.success)
    fail(`${values.email ? "Not an email address." : "--email is required."}\n${USAGE}`);
  // Without --name, the part of the email before the @; the users page can change it later.
  const name = userNameSchema.safeParse(values.name ?? email.data.split("@")[0]);
  if (!name.success) fail("--name must be 1 to 100 characters.");
  return { email: email.data, name: name.data };
}

/** One line typed on the terminal, not echoed. */
function askHidden(prompt: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  rl.on("SIGINT", () => {
    process.stdout.write("\n");
    process.exit(130);
  });
  return new Promise((resolve) => {
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    muted = true;
  });
}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    const first = await askHidden("Password: ");
    if (first.length < PASSWORD_MIN_LENGTH)
      fail(`The password must have at least ${PASSWORD_MIN_LENGTH} characters.`);
    if ((await askHidden("Repeat the password: ")) !== first) fail("The passwords do not match.");
    return first;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

async function main() {
  const { email, name } = parseCommandLine();
  let database;
  try {
    database = parseEnv(process.env).database;
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  // PGlite would let this process open the folder under a running console, and the two would then
  // overwrite each other's files: refuse before asking for anything.
  if (database.kind === "embedded") {
    const holder = otherHolderOf(path.resolve(database.dataDir));
    if (holder !== null)
      fail(
        `The console (process ${holder}) has the data folder ${path.resolve(database.dataDir)} open, ` +
          "and the embedded database allows one process at a time. " +
          "Stop the console first, or set DATABASE_URL.",
      );
  }

  const password = await readPassword();
  if (password.length < PASSWORD_MIN_LENGTH)
    fail(`The password must have at least ${PASSWORD_MIN_LENGTH} characters.`);
  if (password.length > 256) fail("The password may have at most 256 characters.");

  const open = await openDatabase(database).catch((error: unknown) =>
    fail(`Could not open the database: ${error instanceof Error ? error.message : String(error)}`),
  );
  installDatabase(open);
  let exists = false;
  try {
    exists = (await findUserByEmail(email)) !== null;
    if (!exists) {
      const id = randomUUID();
      await createUser({ id, email, name, role: "admin", password });
      await recordAudit({
        actor: { user: null, requestId: randomUUID(), ip: null, userAgent: "npm run admin:create" },
        action: "user.create",
        after: { id, email, name, role: "admin" },
        outcome: "ok",
      });
    }
  } finally {
    // Closed before the process ends, so that PGlite writes everything to the data folder.
    await open.close();
  }
  if (exists) fail(`A user with the email ${email} already exists.`);
  console.log(`Created admin ${email}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)),
);
