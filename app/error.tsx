"use client";
import { ErrorMessage } from "@/components/layout/error-message";

// Any unexpected error of a page (below the root layout): a Vietnamese page, never Next's default.
export default function Error({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorMessage error={error} reset={reset} />;
}
