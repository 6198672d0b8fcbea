package org.hicserve.service.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.hicserve.service.error.ServiceException;
import org.junit.jupiter.api.Test;

/** The caps of {@link StreamLimiter}: in all (503) and per client (429), each slot given back once. */
class StreamLimiterTest {
    @Test
    void aClientPastItsCapIsRefusedWithoutTakingAGlobalSlot() throws Exception {
        StreamLimiter l = new StreamLimiter(3, 2, Duration.ofSeconds(2), () -> null);
        AutoCloseable a1 = l.acquire("address:10.0.0.1");
        AutoCloseable a2 = l.acquire("address:10.0.0.1");
        assertThatThrownBy(() -> l.acquire("address:10.0.0.1")).isInstanceOfSatisfying(ServiceException.class,
                e -> assertThat(e.getMessage()).contains("hicserve.max-streams-per-client"));
        assertThat(l.inFlight()).isEqualTo(2);
        AutoCloseable b = l.acquire("address:10.0.0.2");
        assertThatThrownBy(() -> l.acquire("address:10.0.0.3")).isInstanceOf(ServiceException.class); // 3 in all
        assertThat(l.inFlight("address:10.0.0.3")).isZero();
        a1.close();
        a1.close(); // once only
        assertThat(l.inFlight("address:10.0.0.1")).isEqualTo(1);
        l.acquire("address:10.0.0.1").close();
        a2.close();
        b.close();
        assertThat(l.inFlight()).isZero();
        assertThat(l.inFlight("address:10.0.0.1")).isZero();
    }

    @Test
    void noCapWhenZero() throws Exception {
        StreamLimiter l = new StreamLimiter(10, 0, Duration.ofSeconds(2), () -> null);
        for (int i = 0; i < 10; i++) {
            l.acquire("address:10.0.0.1");
        }
        assertThat(l.inFlight()).isEqualTo(10);
    }
}
