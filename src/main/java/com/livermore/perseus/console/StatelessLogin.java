package com.livermore.perseus.console;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;

/**
 * Marks the login view transient as soon as it is created, so an anonymous visitor gets no HTTP
 * session: the page's {@code f:view transient} is applied only when the view is built, after
 * PrimeFaces has already asked for the view map (for its CSP nonce), and that map would create a
 * session. A session exists only after a successful login.
 */
public class StatelessLogin implements PhaseListener {
  private static final long serialVersionUID = 1L;
  static final String LOGIN_VIEW = "/login.xhtml";

  @Override
  public void afterPhase(PhaseEvent event) {
    UIViewRoot view = event.getFacesContext().getViewRoot();
    if (view != null && LOGIN_VIEW.equals(view.getViewId())) view.setTransient(true);
  }

  @Override
  public void beforePhase(PhaseEvent event) {
    // nothing before the view is restored
  }

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.RESTORE_VIEW;
  }
}
