package io.trafficcop.proxy.codec;

import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;

/**
 * Netty's response decoder, returning shared constants for the header names backends usually send
 * ({@link KnownHeaderNames}) and for the words of the usual status line "HTTP/1.1 200 OK", where Netty's own makes a
 * new name per header and new strings for the line's words, then parses and looks up the status.
 */
class Http1ResponseDecoder extends HttpResponseDecoder {

    private static final String HTTP_1_1 = "HTTP/1.1";
    private static final String OK = "OK";
    private static final String CODE_200 = "200";

    Http1ResponseDecoder(HttpDecoderConfig config) {
        super(config);
    }

    @Override
    protected AsciiString splitHeaderName(byte[] sb, int start, int length) {
        AsciiString known = KnownHeaderNames.find(sb, start, length);
        return known != null ? known : super.splitHeaderName(sb, start, length);
    }

    @Override
    protected String splitFirstWordInitialLine(byte[] asciiContent, int start, int length) {
        return is(HTTP_1_1, asciiContent, start, length) ? HTTP_1_1
                : super.splitFirstWordInitialLine(asciiContent, start, length);
    }

    @Override
    protected String splitSecondWordInitialLine(byte[] asciiContent, int start, int length) {
        return is(CODE_200, asciiContent, start, length) ? CODE_200
                : super.splitSecondWordInitialLine(asciiContent, start, length);
    }

    @Override
    protected HttpMessage createMessage(String[] initialLine) {
        // the words are the constants above when the line was "HTTP/1.1 200 OK": no parsing, no status lookup
        if (initialLine[0] == HTTP_1_1 && initialLine[1] == CODE_200 && initialLine[2] == OK) {
            return new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, headersFactory);
        }
        return super.createMessage(initialLine);
    }

    @Override
    protected String splitThirdWordInitialLine(byte[] asciiContent, int start, int length) {
        return is(OK, asciiContent, start, length) ? OK
                : super.splitThirdWordInitialLine(asciiContent, start, length);
    }

    private static boolean is(String word, byte[] bytes, int start, int length) {
        if (length != word.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (bytes[start + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
