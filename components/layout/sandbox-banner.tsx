export function SandboxBanner() {
  return (
    <div role="status" className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-900">
      <strong className="font-semibold">Sandbox:</strong> the data on these pages is simulated by
      the bundled provider emulator. Nothing reaches Conekta or Razorpay.
    </div>
  );
}
