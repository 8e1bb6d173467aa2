import { expect, test } from "@playwright/test";
import { signIn, signOut } from "./support/auth";

test.describe("sign-in", () => {
  for (const [email, name, home] of [
    ["maya@acme.example", "Maya Manager", /\/team$/],
    ["eli@acme.example", "Eli Employee", /\/me$/],
    ["ada@acme.example", "Ada Admin", /\/org$/],
  ] as const) {
    test(`${name} lands on their home page and sees their name`, async ({ page }) => {
      await signIn(page, email);
      await expect(page).toHaveURL(home);
      await expect(page.getByTestId("viewer-name")).toHaveText(name);
    });
  }

  test("a wrong password shows a clear error", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("maya@acme.example");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toContainText(
      "don't match an active account",
    );
    await expect(page).toHaveURL(/\/login/);
  });

  test("an empty form shows field errors", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter your email address.")).toBeVisible();
    await expect(page.getByText("Enter your password.")).toBeVisible();
  });

  test("a signed-out visit to a signed-in page goes to /login, and back after sign-in", async ({ page }) => {
    await page.goto("/me");
    await expect(page).toHaveURL(/\/login\?next=%2Fme/);
    await page.getByLabel("Email").fill("eli@acme.example");
    await page.getByLabel("Password").fill("reignite-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/me$/);
  });

  test("a next= that would leave the site, or break the redirect, lands on the home page instead", async ({ browser, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    // Each resolves to "//evil.com" in the browser or carries a control character (QA: one tried to navigate to
    // http://evil.com/ and showed "This page couldn't load", the newline one was a 500 after a correct password).
    for (const next of ["%2F..%2F%2Fevil.com", "%2F%09%2Fevil.com", "%2F%0A%2Fevil.com"]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        await page.goto(`/login?next=${next}`);
        await page.getByLabel("Email").fill("eli@acme.example");
        await page.getByLabel("Password").fill("reignite-demo");
        await page.getByRole("button", { name: "Sign in" }).click();
        await expect(page, next).toHaveURL(`${origin}/me`);
        await expect(page.getByTestId("viewer-name")).toHaveText("Eli Employee");
      } finally {
        await context.close();
      }
    }
  });

  test("next-auth's own callbackUrl that is not a URL on this site is sent home, not to an error page", async ({ request, baseURL }) => {
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    const host = new URL(baseURL!).host;
    for (const callbackUrl of [`http://${host}.evil.com/`, "https://evil.example/", "/..//evil.example"]) {
      const res = await request.post("/api/auth/callback/credentials", {
        form: { csrfToken, callbackUrl, email: "eli@acme.example", password: "reignite-demo" },
        maxRedirects: 0,
      });
      const location = res.headers()["location"] ?? "";
      expect(location, callbackUrl).not.toContain("error=Configuration");
      // The site's root (named by its configured host, which may be localhost where the test asked 127.0.0.1).
      expect(new URL(location, baseURL).pathname, callbackUrl).toBe("/");
      expect(new URL(location, baseURL).port, callbackUrl).toBe(new URL(baseURL!).port);
      expect(location, callbackUrl).not.toContain("evil");
    }
  });

  test("sign-out ends the session", async ({ page }) => {
    await signIn(page, "maya@acme.example");
    await signOut(page);
    await page.goto("/team");
    await expect(page).toHaveURL(/\/login/);
  });

  test("signing out on the phone leaves the laptop signed in; Sign out everywhere ends both", async ({ browser }) => {
    // Mei is in no other browser test: signing her out everywhere cannot end another test's session.
    const laptop = await browser.newContext();
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const tablet = await browser.newContext();
    try {
      const [onLaptop, onPhone, onTablet] = await Promise.all([laptop.newPage(), phone.newPage(), tablet.newPage()]);
      for (const p of [onLaptop, onPhone, onTablet]) await signIn(p, "mei@acme.example");

      await signOut(onPhone);
      await expect(onPhone.getByRole("status")).toHaveText("You have signed out.");
      await onPhone.goto("/me");
      await expect(onPhone).toHaveURL(/\/login/);
      await onLaptop.goto("/me");
      await expect(onLaptop).toHaveURL(/\/me$/);
      await expect(onLaptop.getByTestId("viewer-name")).toHaveText("Mei Lin");

      // From the laptop's account page, everywhere: the laptop and the tablet both end.
      await onLaptop.getByRole("link", { name: "Account" }).click();
      await onLaptop.getByRole("button", { name: "Sign out everywhere" }).click();
      await expect(onLaptop).toHaveURL(/\/login/);
      await expect(onLaptop.getByRole("status")).toHaveText("You have signed out on every device.");
      await onTablet.goto("/me");
      await expect(onTablet).toHaveURL(/\/login/);
      // The password is unchanged: she signs in again.
      await signIn(onTablet, "mei@acme.example");
      await expect(onTablet.getByTestId("viewer-name")).toHaveText("Mei Lin");
    } finally {
      await Promise.all([laptop.close(), phone.close(), tablet.close()]);
    }
  });
});
