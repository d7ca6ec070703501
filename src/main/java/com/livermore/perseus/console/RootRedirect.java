package com.livermore.perseus.console;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The context root leads to the Network page (which asks for a login first). A redirect rather than
 * a welcome-file forward, so the page's security constraint always applies.
 */
@WebServlet(urlPatterns = "")
public class RootRedirect extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.sendRedirect(request.getContextPath() + "/console/network.xhtml");
  }
}
