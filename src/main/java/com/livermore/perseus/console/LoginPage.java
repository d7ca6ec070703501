package com.livermore.perseus.console;

import com.livermore.perseus.security.NetworkAuthenticationMechanism;
import com.livermore.perseus.security.ReturnPath;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Form login and logout for the console, through Jakarta Security (the same users as the API). */
@Named
@RequestScoped
public class LoginPage {
  @Inject SecurityContext security;
  @Inject FacesContext faces;

  private String username;
  private String password;
  private String next;

  public String login() throws IOException, ServletException {
    ExternalContext ec = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) ec.getRequest();
    if (request.getUserPrincipal() != null) request.logout();
    AuthenticationStatus status =
        security.authenticate(
            request,
            (HttpServletResponse) ec.getResponse(),
            AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(username, new Password(password))));
    password = null;
    if (status == AuthenticationStatus.SUCCESS) {
      String page = ReturnPath.safe(next).orElse("/console/network.xhtml");
      return page + (page.contains("?") ? "&" : "?") + "faces-redirect=true";
    }
    if (status == AuthenticationStatus.SEND_CONTINUE) {
      faces.responseComplete();
      return null;
    }
    Object retryAfter = request.getAttribute(NetworkAuthenticationMechanism.RETRY_AFTER_ATTRIBUTE);
    if (retryAfter != null) {
      ec.setResponseStatus(429);
      ec.setResponseHeader("Retry-After", retryAfter.toString());
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              "Too many failed logins: try again in " + retryAfter + " s.",
              null));
      return null;
    }
    faces.addMessage(
        null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Wrong user name or password.", null));
    return null;
  }

  /** The console page asked for before the login (see {@link ReturnPath}). */
  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }

  public String logout() throws ServletException {
    ExternalContext ec = faces.getExternalContext();
    ((HttpServletRequest) ec.getRequest()).logout();
    ec.invalidateSession();
    return "/login.xhtml?faces-redirect=true";
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
