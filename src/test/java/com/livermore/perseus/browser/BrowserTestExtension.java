package com.livermore.perseus.browser;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.opentest4j.TestAbortedException;

/**
 * For browser test classes: skips the class, with the reason, when Chromium is not installed (and
 * lists it in {@code target/browser-skipped.txt}); otherwise starts one {@link Browser} per test
 * class, injects it into every field of type {@code Browser} (static or not), closes it after the
 * class, and saves {@code target/screenshots/<TestClass>-<method>-FAILED.png} when a test or a
 * {@code @BeforeEach}/{@code @AfterEach} method fails. List it before {@code ArquillianExtension}
 * so a skipped class deploys nothing.
 */
public class BrowserTestExtension
    implements ExecutionCondition,
        BeforeAllCallback,
        TestInstancePostProcessor,
        TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(BrowserTestExtension.class);
  private static final Pattern INVOCATION = Pattern.compile("test-template-invocation:#(\\d+)]$");

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (context.getTestMethod().isPresent())
      return ConditionEvaluationResult.enabled("decided for the class");
    SkippedBrowserTests.forgetEarlierRuns();
    Optional<String> reason = Browser.unavailableReason();
    if (reason.isEmpty())
      return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
    SkippedBrowserTests.record(context.getRequiredTestClass(), reason.get());
    return ConditionEvaluationResult.disabled("Browser test skipped: " + reason.get());
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    for (Field field : browserFields(context.getRequiredTestClass(), true))
      field.set(null, browser(context));
  }

  @Override
  public void postProcessTestInstance(Object instance, ExtensionContext context)
      throws IllegalAccessException {
    for (Field field : browserFields(instance.getClass(), false))
      field.set(instance, browser(context));
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw withFailureScreenshot(context, failure);
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw withFailureScreenshot(context, failure);
  }

  @Override
  public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw withFailureScreenshot(context, failure);
  }

  /**
   * Saves the failure screenshot of the class's browser, if one was started; a screenshot that
   * cannot be taken is attached to the failure as a suppressed exception.
   */
  static Throwable withFailureScreenshot(ExtensionContext context, Throwable failure) {
    Browser browser = classContext(context).getStore(NAMESPACE).get(Browser.class, Browser.class);
    if (browser == null || failure instanceof TestAbortedException) return failure;
    try {
      browser.screenshot(failureScreenshotName(context));
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
    return failure;
  }

  /**
   * {@code <TestClass>-<method>-FAILED}, with {@code -<n>} for the n-th invocation of a
   * parameterized test.
   */
  static String failureScreenshotName(ExtensionContext context) {
    String name =
        context.getRequiredTestClass().getSimpleName()
            + "-"
            + context.getRequiredTestMethod().getName();
    Matcher invocation = INVOCATION.matcher(context.getUniqueId());
    if (invocation.find()) name += "-" + invocation.group(1);
    return name + "-FAILED";
  }

  /** The class's browser, started on first use and closed by JUnit with the class's store. */
  private static Browser browser(ExtensionContext context) {
    return classContext(context)
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Browser.class, k -> Browser.start(), Browser.class);
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent()) c = c.getParent().orElseThrow();
    return c;
  }

  private static List<Field> browserFields(Class<?> testClass, boolean isStatic) {
    List<Field> fields =
        ReflectionSupport.findFields(
            testClass,
            f ->
                f.getType() == Browser.class
                    && ModifierSupport.isStatic(f) == isStatic
                    && !ModifierSupport.isFinal(f),
            HierarchyTraversalMode.TOP_DOWN);
    fields.forEach(f -> f.setAccessible(true));
    return fields;
  }
}
