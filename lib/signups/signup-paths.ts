// The sign-up form's paths: the page in the site frame, the bare variant for an iframe on the company's site (the only
// page whose CSP lets other origins frame it, SIGNUP_FRAME_ANCESTORS), and the confirmation link's page.
export const SIGNUP_PATH = "/signup";
export const SIGNUP_EMBED_PATH = "/embed/signup";
export const SIGNUP_CONFIRM_PATH = "/signup/confirm";
export const signupConfirmPath = (token: string) => `${SIGNUP_CONFIRM_PATH}/${encodeURIComponent(token)}`;
