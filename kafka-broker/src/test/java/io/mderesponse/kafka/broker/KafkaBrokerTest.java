package io.mderesponse.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @TempDir
    Path stateRoot;

    @Test
    void startsARealBrokerThatAcceptsConnectionsAndStopsCleanly() throws IOException {
        KafkaBroker broker = KafkaBroker.start(KafkaBroker.Settings.defaults().withStateRoot(stateRoot));
        try {
            assertThat(broker.isAlive()).isTrue();
            assertThat(Files.readString(broker.workDir().resolve("broker.log"))).contains(KafkaBroker.READY_LINE);
            String[] hostPort = broker.bootstrapServers().split(":");
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 5_000);
                assertThat(socket.isConnected()).isTrue();
            }
        } finally {
            broker.close();
        }
        assertThat(broker.isAlive()).isFalse();
        assertThat(broker.workDir()).doesNotExist();
    }

    @Test
    void clusterIdsNeverStartWithADashWhichTheStorageToolWouldReadAsAnOption() {
        // About 1 in 64 random ids would start with '-'; 5,000 draws make missing the guard near impossible.
        for (int i = 0; i < 5_000; i++) {
            assertThat(KafkaBroker.randomClusterId()).doesNotStartWith("-");
        }
    }

    @Test
    void clusterIdsAreKraftShapedAndUnique() {
        String id = KafkaBroker.randomClusterId();
        assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]+");
        assertThat(KafkaBroker.randomClusterId()).isNotEqualTo(id);
    }
}
