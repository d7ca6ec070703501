package com.livermore.perseus.console;

import com.livermore.perseus.browser.Browser;
import java.time.Duration;
import org.openqa.selenium.By;

/** Logs into the console in the browser as a person does: a fresh session, the form, the cards. */
public final class ConsoleLogin {
  private ConsoleLogin() {}

  /**
   * Opens {@code consoleUrl} (the WAR's context root) without a session, submits the login form and
   * waits until the Network page shows its cards.
   */
  public static void logIn(
      Browser browser, String consoleUrl, String user, String password, Duration wait) {
    browser.driver().manage().deleteAllCookies();
    browser.driver().get(consoleUrl);
    browser.await(By.id("login:username"), wait).sendKeys(user);
    browser.driver().findElement(By.id("login:password")).sendKeys(password);
    browser.driver().findElement(By.id("login:submit")).click();
    browser.await(By.id("cards"), wait);
  }
}
