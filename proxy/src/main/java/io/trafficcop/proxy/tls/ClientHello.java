package io.trafficcop.proxy.tls;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What TLS termination needs from a ClientHello before choosing a context: the SNI host name and the ALPN protocols
 * offered (Go's {@code ClientHelloInfo.ServerName} and {@code SupportedProtos}). Netty's SNI handler only exposes the
 * host name; the ALPN list is needed to answer ACME TLS-ALPN-01 validations ({@code acme-tls/1}).
 *
 * @param serverName lower-cased SNI host name, "" when absent
 */
public record ClientHello(String serverName, List<String> alpnProtocols) {

    public static final ClientHello EMPTY = new ClientHello("", List.of());

    private static final int EXT_SERVER_NAME = 0;
    private static final int EXT_ALPN = 16;

    /**
     * Parses a ClientHello handshake body as Netty's {@code SslClientHelloHandler} hands it over (starting at
     * client_version); malformed input gives what could be read. Does not move the buffer's indexes.
     */
    public static ClientHello parse(ByteBuf in) {
        if (in == null) {
            return EMPTY;
        }
        String serverName = "";
        List<String> alpn = new ArrayList<>();
        int end = in.writerIndex();
        int offset = in.readerIndex() + 34; // client_version + random
        try {
            if (offset >= end) {
                return EMPTY;
            }
            offset += 1 + in.getUnsignedByte(offset); // session id
            offset += 2 + in.getUnsignedShort(offset); // cipher suites
            offset += 1 + in.getUnsignedByte(offset); // compression methods
            if (offset + 2 > end) {
                return EMPTY;
            }
            int extEnd = Math.min(end, offset + 2 + in.getUnsignedShort(offset));
            offset += 2;
            while (offset + 4 <= extEnd) {
                int type = in.getUnsignedShort(offset);
                int len = in.getUnsignedShort(offset + 2);
                int data = offset + 4;
                if (data + len > extEnd) {
                    break;
                }
                if (type == EXT_SERVER_NAME && len >= 5) {
                    int p = data + 2; // server_name_list length
                    while (p + 3 <= data + len) {
                        int nameType = in.getUnsignedByte(p);
                        int nameLen = in.getUnsignedShort(p + 1);
                        if (p + 3 + nameLen > data + len) {
                            break;
                        }
                        if (nameType == 0) {
                            serverName = in.toString(p + 3, nameLen, StandardCharsets.US_ASCII)
                                    .strip().toLowerCase(Locale.ROOT);
                            break;
                        }
                        p += 3 + nameLen;
                    }
                } else if (type == EXT_ALPN && len >= 2) {
                    int p = data + 2;
                    while (p < data + len) {
                        int protoLen = in.getUnsignedByte(p);
                        if (p + 1 + protoLen > data + len) {
                            break;
                        }
                        alpn.add(in.toString(p + 1, protoLen, StandardCharsets.US_ASCII));
                        p += 1 + protoLen;
                    }
                }
                offset = data + len;
            }
        } catch (IndexOutOfBoundsException e) {
            // truncated hello: keep what was read
        }
        return new ClientHello(serverName, List.copyOf(alpn));
    }
}
