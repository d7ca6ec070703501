package com.livermore.perseus.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API, at {@code <context root>/api}. Portable: no server-specific classes. */
@ApplicationPath("api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Perseus Network API",
            version = "1",
            description =
                "Who runs which exchange, since when, how healthy, and who died. Read with network-viewer; control with network-admin."),
    security = @SecurityRequirement(name = "basic"))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class PerseusApi extends Application {}
