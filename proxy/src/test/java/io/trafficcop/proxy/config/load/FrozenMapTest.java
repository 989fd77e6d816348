package io.trafficcop.proxy.config.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrozenMapTest {

    @Test
    void anAdoptedMapIsPassedOnWithoutACopy() {
        Map<String, Integer> frozen = FrozenMap.adopt(new HashMap<>(Map.of("a", 1)));
        assertThat(FrozenMap.copyOf(frozen)).isSameAs(frozen);
        assertThat(FrozenMap.adopt(frozen)).isSameAs(frozen);
        assertThat(frozen).containsExactly(Map.entry("a", 1));
    }

    @Test
    void anyOtherMapIsCopied() {
        Map<String, Integer> mutable = new HashMap<>(Map.of("a", 1));
        Map<String, Integer> copy = FrozenMap.copyOf(mutable);
        mutable.put("b", 2);
        assertThat(copy).containsOnlyKeys("a");
    }

    @Test
    void cannotBeChanged() {
        Map<String, Integer> frozen = FrozenMap.adopt(new HashMap<>(Map.of("a", 1)));
        assertThatThrownBy(() -> frozen.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> frozen.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> frozen.entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(frozen.get("a")).isEqualTo(1);
    }
}
