package io.fraudshield.localstack.image;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The image's secret scan finds what it is there to find (ServiceImageChecks relies on it finding nothing). */
class SecretScanTest {

    @Test
    void keyAndCertificateFilesAndLocalKeysAreFoundByName() throws IOException {
        SecretScan scan = new SecretScan();
        scan.file("/work/tls.key", input("x"));
        scan.file("/work/config/ca.pem", input("x"));
        scan.file("/work/.local/keys/anything", input("x"));
        scan.file("/opt/java/openjdk/lib/security/cacerts", input("x"));
        assertEquals(3, scan.findings().size(), scan.findings().toString());
    }

    @Test
    void aPemPrivateKeyInAnyResourceIsFoundEvenInsideAJar() throws IOException {
        SecretScan scan = new SecretScan();
        scan.file("/work/lib/main/some.jar", jar("certs/server.txt", "-----BEGIN PRIVATE KEY-----\nMIIE...\n-----END PRIVATE KEY-----"));
        assertEquals(1, scan.findings().size(), scan.findings().toString());
        assertTrue(scan.findings().get(0).startsWith("/work/lib/main/some.jar!/certs/server.txt"));
    }

    @Test
    void aClassFileNamingThePemMarkerIsAParserNotAKey() throws IOException {
        SecretScan scan = new SecretScan();
        scan.file("/work/lib/main/pem.jar", jar("io/pem/Parser.class", "-----BEGIN PRIVATE KEY-----"));
        assertEquals(List.of(), scan.findings());
    }

    @Test
    void configMayHoldLiteralSecretsOnlyForDevTestAndLocal() throws IOException {
        String properties = """
                # the real ones come from the environment
                %prod.quarkus.datasource.password=${DB_PASSWORD}
                %dev,local.quarkus.datasource.password=cardlimit_runtime
                %dev,test,local.fraudshield.pseudonym.keys.dev1=bG9jYWw=
                fraudshield.pseudonym.active-key-id=dev1
                quarkus.oidc-client.credentials.secret=hunter2
                %prod.fraudshield.audit.keys.k1=c2VjcmV0
                %dev,prod.quarkus.flyway.password=owner
                """;
        SecretScan scan = new SecretScan();
        scan.file("/work/app/service-1.0.0.jar", jar("application.properties", properties));
        assertEquals(3, scan.findings().size(), scan.findings().toString());
        assertTrue(scan.findings().stream().allMatch(finding -> finding.contains("has a literal value in production")));
    }

    private static ByteArrayInputStream input(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }

    private static ByteArrayInputStream jar(String entry, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream jar = new ZipOutputStream(bytes)) {
            jar.putNextEntry(new ZipEntry(entry));
            jar.write(content.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
