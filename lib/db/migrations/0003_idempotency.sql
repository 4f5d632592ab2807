CREATE TABLE "create_in_flight" (
	"provider" text NOT NULL,
	"account" text NOT NULL,
	"url_hash" text NOT NULL,
	"owner" text NOT NULL,
	"lease_until" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "create_in_flight_provider_account_url_hash_pk" PRIMARY KEY("provider","account","url_hash")
);
--> statement-breakpoint
CREATE TABLE "idempotency_key" (
	"user_id" text NOT NULL,
	"provider" text NOT NULL,
	"account" text NOT NULL,
	"key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"owner" text NOT NULL,
	"status" integer,
	"reply" jsonb,
	"lease_until" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_key_user_id_provider_account_key_pk" PRIMARY KEY("user_id","provider","account","key")
);
--> statement-breakpoint
CREATE INDEX "idempotency_key_expires_idx" ON "idempotency_key" USING btree ("expires_at");