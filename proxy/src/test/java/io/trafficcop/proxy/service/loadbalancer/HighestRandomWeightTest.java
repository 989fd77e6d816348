package io.trafficcop.proxy.service.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.trafficcop.proxy.service.loadbalancer.hrw.HighestRandomWeight;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HRW scores equal Traefik's getNodeScore (golden values computed with Traefik's Go code). */
class HighestRandomWeightTest {

    @ParameterizedTest
    @CsvSource({
            "10.0.0.1,     8.9859921396508415, 216.92485166341555, 5.7783782764743288",
            "192.168.1.77, 11.330079549369927, 36.486441488091536, 14.051187029163154",
            "::1,          5.050313720534497,  5.5106849694871478, 4.3617840605676497",
            "2001:db8::1,  2.1074604481931245, 1.9031665689063861, 4.3941883716259449"})
    void scoresMatchTraefik(String ip, double first4, double second1, double url1) {
        assertThat(HighestRandomWeight.score(ip, "first", 4)).isCloseTo(first4, within(1e-12));
        assertThat(HighestRandomWeight.score(ip, "second", 1)).isCloseTo(second1, within(1e-12));
        assertThat(HighestRandomWeight.score(ip, "http://10.0.0.1:80", 1)).isCloseTo(url1, within(1e-12));
    }

    @Test
    void picksTheHighestScoreAndSticksPerClient() {
        var hrw = new HighestRandomWeight<String>();
        hrw.add("first", "first", 4, false);
        hrw.add("second", "second", 1, false);
        assertThat(hrw.select("10.0.0.1")).isEqualTo("second"); // 216.9 > 9.0
        assertThat(hrw.select("2001:db8::1")).isEqualTo("first"); // 2.11 > 1.90
        assertThat(hrw.select("2001:db8::1")).isEqualTo("first");
        hrw.setStatus("second", false);
        assertThat(hrw.select("10.0.0.1")).isEqualTo("first");
    }

    @Test
    void distributesByWeight() {
        // Traefik's TestBalancer: weights 4 and 1 over 100 random clients: about 80/20
        var hrw = new HighestRandomWeight<String>();
        hrw.add("first", "first", 4, false);
        hrw.add("second", "second", 1, false);
        Random random = new Random(12345);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            int ip = random.nextInt();
            String key = (ip & 0xff) + "." + ((ip >> 8) & 0xff) + "." + ((ip >> 16) & 0xff) + "." + ((ip >>> 24));
            counts.merge(hrw.select(key), 1, Integer::sum);
        }
        assertThat(counts.get("first")).isBetween(700, 900);
    }

    @Test
    void clientIpIsFormattedAsGoDoes() throws Exception {
        assertThat(HighestRandomWeight.clientIp(new InetSocketAddress(InetAddress.getByName("::1"), 1234)))
                .isEqualTo("::1");
        assertThat(HighestRandomWeight.clientIp(new InetSocketAddress(InetAddress.getByName("2001:db8:0:0::1"), 1)))
                .isEqualTo("2001:db8::1");
        assertThat(HighestRandomWeight.clientIp(new InetSocketAddress(InetAddress.getByName("10.1.2.3"), 1)))
                .isEqualTo("10.1.2.3");
    }
}
