// The signed-in state the e2e tests start from (written by auth.setup.ts; see playwright.config.ts).
export const STORAGE_STATE = process.env.CTK_E2E_STORAGE_STATE!;
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD!;
