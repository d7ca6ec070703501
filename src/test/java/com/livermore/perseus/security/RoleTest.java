package com.livermore.perseus.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleTest {

  @Test
  void annotationConstantsAreTheRoleNames() {
    assertThat(Role.NETWORK_VIEWER.roleName()).isEqualTo(Role.VIEWER).isEqualTo("network-viewer");
    assertThat(Role.NETWORK_ADMIN.roleName()).isEqualTo(Role.ADMIN).isEqualTo("network-admin");
  }

  @Test
  void anAdminIsAlsoAViewer() {
    assertThat(Role.NETWORK_ADMIN.groups())
        .containsExactlyInAnyOrder("network-viewer", "network-admin");
    assertThat(Role.NETWORK_VIEWER.groups()).containsExactly("network-viewer");
  }

  @Test
  void rolesAreFoundByTheirExactName() {
    assertThat(Role.fromName("network-admin")).contains(Role.NETWORK_ADMIN);
    assertThat(Role.fromName("network-viewer")).contains(Role.NETWORK_VIEWER);
    assertThat(Role.fromName("NETWORK_ADMIN")).isEmpty();
    assertThat(Role.fromName("admin")).isEmpty();
    assertThat(Role.fromName(null)).isEmpty();
  }
}
