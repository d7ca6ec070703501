package com.livermore.perseus.api;

import com.livermore.perseus.security.ProblemType;

/** Ends a request with a problem response. */
public class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
  }

  public static ProblemException badParameter(String parameter, String detail) {
    return new ProblemException(Problem.badParameter(parameter, detail));
  }

  public static ProblemException unknownExchange(String exchange) {
    return new ProblemException(
        Problem.of(
            ProblemType.UNKNOWN_EXCHANGE,
            404,
            "Unknown exchange",
            "No exchange '" + exchange + "' is known to the network (network:exchanges)."));
  }

  public Problem problem() {
    return problem;
  }
}
