/**
 * Browser tests in real headless Chromium: {@link com.livermore.perseus.browser.Browser} drives the
 * Debian chromium through the Debian chromedriver (never a downloaded one), and {@link
 * com.livermore.perseus.browser.BrowserTestExtension} gives each test class one browser,
 * screenshots failures and skips, visibly and on record for CI, where Chromium is missing. Uses
 * only Selenium, JUnit and the JDK.
 */
package com.livermore.perseus.browser;
