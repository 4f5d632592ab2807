/** What a signed-in user who is not an admin sees on the users pages. */
export function OnlyAdmins({ title, message }: { title: string; message: string }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p
        role="alert"
        className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
      >
        {message}
      </p>
    </div>
  );
}
