package com.livermore.perseus.deployment;

import java.net.URI;

/** The smoke contract on Payara Micro 6, which serves MicroProfile Health on the HTTP port. */
class SmokeOnPayaraIT extends SmokeContract {
  @Override
  URI healthRoot() {
    return serverRoot().resolve("health/");
  }
}
