// Runs once when the server starts. With e-mail on (SMTP_URL and MAIL_FROM, on a PostgreSQL server),
// every instance starts a worker of the mail queue in its own process; pg-boss gives each job to one
// of them. Without them nothing starts: notices stay in the app ("Việc cần làm").
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startMailInThisProcess } = await import("./lib/mail/start");
  await startMailInThisProcess();
}
