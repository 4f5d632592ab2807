CREATE TABLE "webhook_count" (
	"provider" text NOT NULL,
	"account" text NOT NULL,
	"count" integer,
	"generation" integer DEFAULT 0 NOT NULL,
	"counted_at" timestamp (3) with time zone,
	"expires_at" timestamp (3) with time zone,
	CONSTRAINT "webhook_count_provider_account_pk" PRIMARY KEY("provider","account")
);
