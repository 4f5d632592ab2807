CREATE TABLE "recent_account" (
	"user_id" text NOT NULL,
	"provider" text NOT NULL,
	"account" text NOT NULL,
	"name" text NOT NULL,
	"kind" text,
	"visited_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "recent_account_user_id_provider_account_pk" PRIMARY KEY("user_id","provider","account")
);
--> statement-breakpoint
ALTER TABLE "recent_account" ADD CONSTRAINT "recent_account_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recent_account_user_idx" ON "recent_account" USING btree ("user_id","provider","visited_at");