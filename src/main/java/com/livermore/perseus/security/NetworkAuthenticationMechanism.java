package com.livermore.perseus.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;

/**
 * The application's one authentication mechanism. The console's login bean calls {@code
 * SecurityContext.authenticate} with a {@link UsernamePasswordCredential}; API clients send HTTP
 * Basic on each request. Without credentials, protected API paths get a 401 problem and console
 * pages a (relative) redirect to the login page. A state-changing request from a page of another
 * origin is refused first, before any credential is looked at (a browser may send cached Basic
 * credentials for such a page). The console's session also reads the API, but a state-changing API
 * request needs Basic credentials of its own. Failed logins are throttled per address and user by
 * {@link LoginGuard}, checked before any hash is computed. Nothing here reads the request body, so
 * a client that stalls its body gets its 401 at once. A console login is kept in the HTTP session
 * (as {@code AutoApplySession} would); a Basic request stands alone and creates no session, so API
 * clients that poll without cookies cannot pile up sessions. Wrong roles (403) are the container's
 * business.
 */
@ApplicationScoped
public class NetworkAuthenticationMechanism implements HttpAuthenticationMechanism {
  private static final Logger LOG =
      Logger.getLogger(NetworkAuthenticationMechanism.class.getName());

  /** Request attribute: seconds until a throttled console login may try again. */
  public static final String RETRY_AFTER_ATTRIBUTE = "perseus.login.retryAfterSeconds";

  @Inject IdentityStoreHandler identityStoreHandler;
  @Inject LoginGuard guard;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    Credential formCredential = formCredential(context);
    if (formCredential != null) return formLogin(request, context, formCredential);
    // Before any login: a page elsewhere gets neither a Basic challenge (the browser's password
    // prompt) nor a check of the credentials its browser may have cached.
    if (context.isProtected()) {
      Optional<String> foreign = SameOrigin.refusal(request, guard.settings());
      if (foreign.isPresent()) {
        try {
          LoginChallenge.sendForbidden(
              response, ProblemType.CROSS_ORIGIN, "Cross-origin request refused", foreign.get());
        } catch (IOException e) {
          clientGone(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
      }
    }
    String authorization = request.getHeader("Authorization");
    if (BasicCredentials.isBasic(authorization))
      return basicLogin(request, response, context, authorization);
    boolean api = LoginChallenge.isApiPath(LoginChallenge.pathWithinApplication(request));
    Principal remembered = request.getUserPrincipal();
    if (remembered != null) {
      // The console's session reads the API, but never commands it: a state-changing API request
      // needs credentials of its own, which a page elsewhere cannot make the browser send.
      if (!api || !SameOrigin.STATE_CHANGING.contains(request.getMethod()))
        return rememberedLogin(context, remembered);
      // 403, not 401: a challenge would make the browser ask for a password on another page's
      // behalf.
      try {
        LoginChallenge.sendForbidden(
            response, ProblemType.FORBIDDEN, "Forbidden", LoginChallenge.SESSION_CANNOT_COMMAND);
      } catch (IOException e) {
        clientGone(e);
      }
      return AuthenticationStatus.SEND_FAILURE;
    }
    if (!context.isProtected()) return context.doNothing();
    if (api) return unauthorized(request, response, LoginChallenge.LOGIN_REQUIRED);
    String loginUrl = request.getContextPath() + LoginChallenge.LOGIN_PAGE;
    try {
      if (LoginChallenge.isFacesAjax(request.getHeader("Faces-Request")))
        LoginChallenge.sendPartialRedirect(response, loginUrl);
      else
        LoginChallenge.sendRedirect(
            response,
            loginUrl
                + ReturnPath.loginQuery(
                    LoginChallenge.pathWithinApplication(request), request.getQueryString()));
    } catch (IOException e) {
      clientGone(e);
    }
    return AuthenticationStatus.SEND_CONTINUE;
  }

  /** The console login kept in the HTTP session, applied again to this request. */
  private static AuthenticationStatus rememberedLogin(HttpMessageContext context, Principal caller)
      throws AuthenticationException {
    try {
      context
          .getHandler()
          .handle(new Callback[] {new CallerPrincipalCallback(context.getClientSubject(), caller)});
      return AuthenticationStatus.SUCCESS;
    } catch (IOException | UnsupportedCallbackException e) {
      throw new AuthenticationException(e);
    }
  }

  private static Credential formCredential(HttpMessageContext context) {
    AuthenticationParameters parameters =
        context.isAuthenticationRequest() ? context.getAuthParameters() : null;
    return parameters == null ? null : parameters.getCredential();
  }

  // SEND_FAILURE without touching the response: the login bean shows "wrong user name or password".
  private AuthenticationStatus formLogin(
      HttpServletRequest request, HttpMessageContext context, Credential credential) {
    String address = request.getRemoteAddr();
    String user = credential instanceof UsernamePasswordCredential login ? login.getCaller() : null;
    Optional<Duration> refused = guard.refusal(address, user);
    if (refused.isPresent()) {
      request.setAttribute(RETRY_AFTER_ATTRIBUTE, LoginGuard.retryAfterSeconds(refused.get()));
      return AuthenticationStatus.SEND_FAILURE;
    }
    CredentialValidationResult result = identityStoreHandler.validate(credential);
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      guard.failed(address, user);
      return AuthenticationStatus.SEND_FAILURE;
    }
    guard.succeeded(address, user);
    // A new session id on login, so an id planted before login (session fixation) is worthless.
    if (request.getSession(false) != null) request.changeSessionId();
    context.setRegisterSession(result.getCallerPrincipal().getName(), result.getCallerGroups());
    return context.notifyContainerAboutLogin(result);
  }

  private AuthenticationStatus basicLogin(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context,
      String authorization) {
    Optional<BasicCredentials> basic = BasicCredentials.parse(authorization);
    if (basic.isEmpty()) return unauthorized(request, response, LoginChallenge.MALFORMED_HEADER);
    String address = request.getRemoteAddr();
    String user = basic.get().user();
    Optional<Duration> refused = guard.refusal(address, user);
    if (refused.isPresent()) {
      basic.get().wipe();
      try {
        LoginChallenge.sendThrottled(response, LoginGuard.retryAfterSeconds(refused.get()));
      } catch (IOException e) {
        clientGone(e);
      }
      return AuthenticationStatus.SEND_FAILURE;
    }
    CredentialValidationResult result;
    try {
      result =
          identityStoreHandler.validate(
              new UsernamePasswordCredential(
                  basic.get().user(), new Password(basic.get().password())));
    } finally {
      basic.get().wipe();
    }
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      guard.failed(address, user);
      return unauthorized(request, response, LoginChallenge.WRONG_CREDENTIALS);
    }
    guard.succeeded(address, user);
    return context.notifyContainerAboutLogin(result);
  }

  private static AuthenticationStatus unauthorized(
      HttpServletRequest request, HttpServletResponse response, String detail) {
    try {
      LoginChallenge.sendUnauthorized(request, response, detail);
    } catch (IOException e) {
      clientGone(e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  // Writing the challenge fails only when the client has hung up; there is nobody left to answer.
  private static void clientGone(IOException e) {
    LOG.log(Level.FINE, "Could not send the login challenge; the client has gone", e);
  }
}
