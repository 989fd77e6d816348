package io.trafficcop.proxy.whoami;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The HTTP side of {@link WhoamiServer}: one request at a time per connection. */
final class WhoamiHandler extends ChannelInboundHandlerAdapter {

    private static final int CHUNK = 64 * 1024;
    private static final byte[] PATTERN = buildPattern();

    private final String name;
    private final java.util.concurrent.atomic.AtomicLong dataWritten;
    private boolean echoing;
    private boolean keepAlive;
    private long dataRemaining;

    WhoamiHandler(String name, java.util.concurrent.atomic.AtomicLong dataWritten) {
        this.name = name;
        this.dataWritten = dataWritten;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            keepAlive = HttpUtil.isKeepAlive(request);
            QueryStringDecoder query = new QueryStringDecoder(request.uri());
            String path = query.path();
            if (path.equals("/echo") && request.headers().containsValue(HttpHeaderNames.UPGRADE, "websocket", true)) {
                switchToWebSocket(ctx, request);
                return;
            }
            if (path.equals("/echo-body") && request.method().equals(HttpMethod.POST)) {
                echoing = true;
                HttpResponse response = new DefaultHttpResponse(request.protocolVersion(), HttpResponseStatus.OK);
                String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
                response.headers().set(HttpHeaderNames.CONTENT_TYPE,
                        type == null ? HttpHeaderValues.APPLICATION_OCTET_STREAM : type);
                if (HttpUtil.isContentLengthSet(request)) {
                    response.headers().set(HttpHeaderNames.CONTENT_LENGTH, HttpUtil.getContentLength(request));
                } else {
                    HttpUtil.setTransferEncodingChunked(response, true);
                }
                ctx.write(response);
                ReferenceCountUtil.release(msg);
                return;
            }
            long waitMillis = parseWait(query.parameters());
            if (waitMillis > 0) {
                ctx.channel().config().setAutoRead(false);
                ctx.executor().schedule(() -> {
                    ctx.channel().config().setAutoRead(true);
                    answer(ctx, request, path, query);
                }, waitMillis, TimeUnit.MILLISECONDS);
            } else {
                answer(ctx, request, path, query);
            }
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpContent content) {
            if (echoing) {
                boolean last = content instanceof LastHttpContent;
                ctx.write(last ? content : new DefaultHttpContent(content.content()));
                if (last) {
                    echoing = false;
                    ctx.flush();
                    if (!keepAlive) {
                        ctx.close();
                    }
                }
                if (!ctx.channel().isWritable()) {
                    // back-pressure: stop reading until writable (the flush may make it writable at once)
                    ctx.channel().config().setAutoRead(false);
                    ctx.flush();
                    if (ctx.channel().isWritable()) {
                        ctx.channel().config().setAutoRead(true);
                    }
                }
                return;
            }
            content.release();
            return;
        }
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            if (dataRemaining > 0) {
                writeData(ctx);
            } else {
                ctx.channel().config().setAutoRead(true);
            }
        }
        ctx.fireChannelWritabilityChanged();
    }

    private void answer(ChannelHandlerContext ctx, HttpRequest request, String path, QueryStringDecoder query) {
        if (path.equals("/data")) {
            long size = parseLong(query.parameters(), "size", 1);
            HttpResponse response = new DefaultHttpResponse(request.protocolVersion(), HttpResponseStatus.OK);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_OCTET_STREAM);
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, size);
            ctx.write(response);
            dataRemaining = size;
            writeData(ctx);
            return;
        }
        StringBuilder body = new StringBuilder(512);
        if (name != null) {
            body.append("Name: ").append(name).append('\n');
        }
        body.append("Hostname: ").append(hostname()).append('\n');
        for (String ip : ips()) {
            body.append("IP: ").append(ip).append('\n');
        }
        body.append("RemoteAddr: ").append(remoteAddr(ctx)).append('\n');
        body.append(request.method().name()).append(' ').append(request.uri()).append(' ')
                .append(request.protocolVersion().text()).append("\r\n");
        String host = request.headers().get(HttpHeaderNames.HOST);
        if (host != null) {
            body.append("Host: ").append(host).append("\r\n");
        }
        for (Map.Entry<String, String> h : request.headers()) {
            if (!h.getKey().equalsIgnoreCase("Host")) {
                body.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
            }
        }
        body.append("\r\n");
        FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(), HttpResponseStatus.OK,
                ByteBufUtil.writeUtf8(ctx.alloc(), body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        var f = ctx.writeAndFlush(response);
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void writeData(ChannelHandlerContext ctx) {
        while (dataRemaining > 0 && ctx.channel().isWritable()) {
            int n = (int) Math.min(CHUNK, dataRemaining);
            ByteBuf buf = ctx.alloc().buffer(n);
            buf.writeBytes(PATTERN, 0, n);
            dataRemaining -= n;
            dataWritten.addAndGet(n);
            if (dataRemaining == 0) {
                var f = ctx.writeAndFlush(new io.netty.handler.codec.http.DefaultLastHttpContent(buf));
                if (!keepAlive) {
                    f.addListener(ChannelFutureListener.CLOSE);
                }
            } else {
                ctx.write(new DefaultHttpContent(buf));
            }
        }
        ctx.flush();
    }

    private void switchToWebSocket(ChannelHandlerContext ctx, HttpRequest request) {
        var p = ctx.pipeline();
        p.addAfter("http", "aggregator", new HttpObjectAggregator(64 * 1024));
        p.addAfter("aggregator", "ws", new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/echo").checkStartsWith(true).maxFramePayloadLength(256 * 1024 * 1024)
                .allowMaskMismatch(true).build()));
        p.addAfter("ws", "echo", new WebSocketEchoHandler());
        p.remove(this);
        p.context("http").fireChannelRead(request);
    }

    private static long parseWait(Map<String, List<String>> params) {
        List<String> wait = params.get("wait");
        if (wait == null || wait.isEmpty()) {
            return 0;
        }
        String v = wait.get(0);
        if (v.endsWith("ms")) {
            return Long.parseLong(v.substring(0, v.length() - 2));
        }
        if (v.endsWith("s")) {
            return Long.parseLong(v.substring(0, v.length() - 1)) * 1000;
        }
        return Long.parseLong(v);
    }

    private static long parseLong(Map<String, List<String>> params, String key, long dflt) {
        List<String> v = params.get(key);
        return v == null || v.isEmpty() ? dflt : Long.parseLong(v.get(0));
    }

    private static String remoteAddr(ChannelHandlerContext ctx) {
        var remote = (java.net.InetSocketAddress) ctx.channel().remoteAddress();
        String ip = remote.getAddress().getHostAddress();
        return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + remote.getPort();
    }

    private static String hostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (Exception e) {
            return "localhost";
        }
    }

    private static List<String> ips() {
        try {
            var out = new java.util.ArrayList<String>();
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    String ip = a.getHostAddress();
                    int zone = ip.indexOf('%');
                    out.add(zone < 0 ? ip : ip.substring(0, zone));
                }
            }
            return out;
        } catch (SocketException e) {
            return List.of();
        }
    }

    private static byte[] buildPattern() {
        byte[] b = new byte[CHUNK];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) ('a' + i % 26);
        }
        return b;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    static String utf8(ByteBuf buf) {
        return buf.toString(StandardCharsets.UTF_8);
    }
}
