package se.molnkoll.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A document's bytes with what is known about them. */
public record StoredDocument(String fileName, String mediaType, String sha256, byte[] content) {

    /** Lower-case hexadecimal SHA-256 of the bytes. */
    public static String sha256Of(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
