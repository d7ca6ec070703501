package com.livermore.perseus.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The two roles of Perseus. The names double as the group names the identity store hands to the
 * container; an admin also holds the viewer group, so every read constraint admits admins too.
 */
public enum Role {
  NETWORK_VIEWER("network-viewer"),
  NETWORK_ADMIN("network-admin");

  /** For {@code @RolesAllowed} and web.xml: reads the network. */
  public static final String VIEWER = "network-viewer";

  /** For {@code @RolesAllowed} and web.xml: also controls instances. */
  public static final String ADMIN = "network-admin";

  private final String roleName;

  Role(String roleName) {
    this.roleName = roleName;
  }

  public String roleName() {
    return roleName;
  }

  /** The groups (and so, mapped one to one, the roles) a user of this role receives. */
  public Set<String> groups() {
    return this == NETWORK_ADMIN ? Set.of(VIEWER, ADMIN) : Set.of(VIEWER);
  }

  public static Optional<Role> fromName(String name) {
    return Arrays.stream(values()).filter(r -> r.roleName.equals(name)).findFirst();
  }
}
