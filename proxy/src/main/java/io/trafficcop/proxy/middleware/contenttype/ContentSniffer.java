package io.trafficcop.proxy.middleware.contenttype;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Go's {@code http.DetectContentType} (the WHATWG MIME sniffing subset Go implements): looks at most at the first
 * 512 bytes and always answers a type, "application/octet-stream" when nothing else fits.
 */
public final class ContentSniffer {

    /** How many bytes Go considers. */
    public static final int SNIFF_LENGTH = 512;

    private static final String HTML = "text/html; charset=utf-8";
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String[] HTML_TAGS = {"<!DOCTYPE HTML", "<HTML", "<HEAD", "<SCRIPT", "<IFRAME", "<H1", "<DIV",
        "<FONT", "<TABLE", "<A", "<STYLE", "<TITLE", "<B", "<BODY", "<BR", "<P", "<!--"};

    private interface Signature {
        String match(byte[] data, int firstNonWs);
    }

    private static Signature exact(String sig, String type) {
        byte[] pattern = sig.getBytes(StandardCharsets.ISO_8859_1);
        return (data, ws) -> {
            if (data.length < pattern.length) {
                return null;
            }
            for (int i = 0; i < pattern.length; i++) {
                if (data[i] != pattern[i]) {
                    return null;
                }
            }
            return type;
        };
    }

    private static Signature masked(String mask, String pat, boolean skipWs, String type) {
        byte[] m = mask.getBytes(StandardCharsets.ISO_8859_1);
        byte[] p = pat.getBytes(StandardCharsets.ISO_8859_1);
        return (data, ws) -> {
            int offset = skipWs ? ws : 0;
            if (data.length - offset < p.length) {
                return null;
            }
            for (int i = 0; i < p.length; i++) {
                if ((data[offset + i] & m[i]) != p[i]) {
                    return null;
                }
            }
            return type;
        };
    }

    private static Signature html(String tag) {
        byte[] h = tag.getBytes(StandardCharsets.ISO_8859_1);
        return (data, ws) -> {
            if (data.length - ws < h.length + 1) {
                return null;
            }
            for (int i = 0; i < h.length; i++) {
                byte b = h[i];
                byte db = data[ws + i];
                if (b >= 'A' && b <= 'Z') {
                    db &= (byte) 0xDF;
                }
                if (b != db) {
                    return null;
                }
            }
            byte next = data[ws + h.length];
            return next == ' ' || next == '>' ? HTML : null;
        };
    }

    private static final Signature MP4 = (data, ws) -> {
        if (data.length < 12) {
            return null;
        }
        long boxSize = (data[0] & 0xFFL) << 24 | (data[1] & 0xFF) << 16 | (data[2] & 0xFF) << 8 | data[3] & 0xFF;
        if (data.length < boxSize || boxSize % 4 != 0) {
            return null;
        }
        if (data[4] != 'f' || data[5] != 't' || data[6] != 'y' || data[7] != 'p') {
            return null;
        }
        for (int st = 8; st < boxSize; st += 4) {
            if (st == 12) {
                continue; // the major brand's version
            }
            if (data[st] == 'm' && data[st + 1] == 'p' && data[st + 2] == '4') {
                return "video/mp4";
            }
        }
        return null;
    };

    private static final Signature TEXT_SIG = (data, ws) -> {
        for (int i = ws; i < data.length; i++) {
            int b = data[i] & 0xFF;
            if (b <= 0x08 || b == 0x0B || b >= 0x0E && b <= 0x1A || b >= 0x1C && b <= 0x1F) {
                return null;
            }
        }
        return TEXT;
    };

    private static final Signature[] SIGNATURES;

    static {
        java.util.List<Signature> s = new java.util.ArrayList<>();
        for (String tag : HTML_TAGS) {
            s.add(html(tag));
        }
        s.add(masked("\u00FF\u00FF\u00FF\u00FF\u00FF", "<?xml", true, "text/xml; charset=utf-8"));
        s.add(exact("%PDF-", "application/pdf"));
        s.add(exact("%!PS-Adobe-", "application/postscript"));
        s.add(masked("\u00FF\u00FF\u0000\u0000", "\u00FE\u00FF\u0000\u0000", false, "text/plain; charset=utf-16be"));
        s.add(masked("\u00FF\u00FF\u0000\u0000", "\u00FF\u00FE\u0000\u0000", false, "text/plain; charset=utf-16le"));
        s.add(masked("\u00FF\u00FF\u00FF\u0000", "\u00EF\u00BB\u00BF\u0000", false, TEXT));
        s.add(exact("\u0000\u0000\u0001\u0000", "image/x-icon"));
        s.add(exact("\u0000\u0000\u0002\u0000", "image/x-icon"));
        s.add(exact("BM", "image/bmp"));
        s.add(exact("GIF87a", "image/gif"));
        s.add(exact("GIF89a", "image/gif"));
        s.add(masked("\u00FF\u00FF\u00FF\u00FF\u0000\u0000\u0000\u0000\u00FF\u00FF\u00FF\u00FF\u00FF\u00FF",
                "RIFF\u0000\u0000\u0000\u0000WEBPVP", false, "image/webp"));
        s.add(exact("\u0089PNG\r\n\u001A\n", "image/png"));
        s.add(exact("\u00FF\u00D8\u00FF", "image/jpeg"));
        s.add(masked("\u00FF\u00FF\u00FF\u00FF", ".snd", false, "audio/basic"));
        s.add(masked("\u00FF\u00FF\u00FF\u00FF\u0000\u0000\u0000\u0000\u00FF\u00FF\u00FF\u00FF",
                "FORM\u0000\u0000\u0000\u0000AIFF", false, "audio/aiff"));
        s.add(masked("\u00FF\u00FF\u00FF", "ID3", false, "audio/mpeg"));
        s.add(masked("\u00FF\u00FF\u00FF\u00FF\u00FF", "OggS\u0000", false, "application/ogg"));
        s.add(masked("\u00FF\u00FF\u00FF\u00FF\u00FF\u00FF\u00FF\u00FF", "MThd\u0000\u0000\u0000\u0006", false,
                "audio/midi"));
        s.add(masked("\u00FF\u00FF\u00FF\u00FF\u0000\u0000\u0000\u0000\u00FF\u00FF\u00FF\u00FF",
                "RIFF\u0000\u0000\u0000\u0000AVI ", false, "video/avi"));
        s.add(masked("\u00FF\u00FF\u00FF\u00FF\u0000\u0000\u0000\u0000\u00FF\u00FF\u00FF\u00FF",
                "RIFF\u0000\u0000\u0000\u0000WAVE", false, "audio/wave"));
        s.add(MP4);
        s.add(exact("\u001A\u0045\u00DF\u00A3", "video/webm"));
        s.add(masked("\u0000".repeat(34) + "\u00FF\u00FF", "\u0000".repeat(34) + "LP", false,
                "application/vnd.ms-fontobject"));
        s.add(exact("\u0000\u0001\u0000\u0000", "font/ttf"));
        s.add(exact("OTTO", "font/otf"));
        s.add(exact("ttcf", "font/collection"));
        s.add(exact("wOFF", "font/woff"));
        s.add(exact("wOF2", "font/woff2"));
        s.add(exact("\u001F\u008B\u0008", "application/x-gzip"));
        s.add(exact("PK\u0003\u0004", "application/zip"));
        s.add(exact("Rar!\u001A\u0007\u0000", "application/x-rar-compressed"));
        s.add(exact("Rar!\u001A\u0007\u0001\u0000", "application/x-rar-compressed"));
        s.add(exact("\u0000\u0061\u0073\u006D", "application/wasm"));
        s.add(TEXT_SIG);
        SIGNATURES = s.toArray(Signature[]::new);
    }

    private ContentSniffer() {
    }

    /** Go's DetectContentType over the readable bytes of {@code content} (not consumed). */
    public static String detect(ByteBuf content) {
        int length = Math.min(content.readableBytes(), SNIFF_LENGTH);
        byte[] data = new byte[length];
        content.getBytes(content.readerIndex(), data);
        return detect(data);
    }

    /** Go's DetectContentType. */
    public static String detect(byte[] data) {
        if (data.length > SNIFF_LENGTH) {
            data = java.util.Arrays.copyOf(data, SNIFF_LENGTH);
        }
        int firstNonWs = 0;
        while (firstNonWs < data.length && isWs(data[firstNonWs])) {
            firstNonWs++;
        }
        for (Signature signature : SIGNATURES) {
            String type = signature.match(data, firstNonWs);
            if (type != null) {
                return type;
            }
        }
        return "application/octet-stream";
    }

    private static boolean isWs(byte b) {
        return b == '\t' || b == '\n' || b == 0x0C || b == '\r' || b == ' ';
    }
}
