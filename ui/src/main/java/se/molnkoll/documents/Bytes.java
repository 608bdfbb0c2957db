package se.molnkoll.documents;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Looking for byte patterns in a document, linear in its length. */
final class Bytes {

    private Bytes() {
    }

    static byte[] utf16le(String name) {
        return name.getBytes(StandardCharsets.UTF_16LE);
    }

    static List<byte[]> ascii(String... texts) {
        return Arrays.stream(texts).map(t -> t.getBytes(StandardCharsets.US_ASCII)).toList();
    }

    static long uint32(byte[] content, int at) {
        return (content[at] & 0xffL) | (content[at + 1] & 0xffL) << 8 | (content[at + 2] & 0xffL) << 16
                | (content[at + 3] & 0xffL) << 24;
    }

    /** The first index in [from, to) where the pattern starts, or -1. */
    static int indexOf(byte[] content, byte[] pattern, int from, int to) {
        int last = Math.min(content.length - pattern.length, to - 1);
        for (int i = from; i <= last; i++) {
            if (content[i] == pattern[0] && startsWith(content, i, pattern)) return i;
        }
        return -1;
    }

    static boolean startsWith(byte[] content, int at, byte[] pattern) {
        if (at + pattern.length > content.length) return false;
        for (int j = 0; j < pattern.length; j++) {
            if (content[at + j] != pattern[j]) return false;
        }
        return true;
    }

    static boolean startsWithIgnoringCase(byte[] content, int at, byte[] lowerCase) {
        if (at + lowerCase.length > content.length) return false;
        for (int j = 0; j < lowerCase.length; j++) {
            byte b = content[at + j];
            if (b >= 'A' && b <= 'Z') b = (byte) (b + ('a' - 'A'));
            if (b != lowerCase[j]) return false;
        }
        return true;
    }

    static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != (byte) prefix[i]) return false;
        }
        return true;
    }
}
