import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.transport.Netty4Plugin;

/**
 * A single-node Elasticsearch on 127.0.0.1 for the differential tests: started from its jars (no distribution, no
 * Docker), it prints one line "ready <port>" and stops when its standard input closes.
 */
public final class EngineMain {
  static final class EngineNode extends Node {
    EngineNode(Settings settings, Collection<Class<? extends Plugin>> plugins) {
      super(InternalSettingsPreparer.prepareEnvironment(settings, java.util.Map.of(), null, () -> "engine"), plugins, true);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public static void main(String[] args) throws Exception {
    Path home = Files.createTempDirectory("secuq-engine");
    int port = freePort();
    Settings settings = Settings.builder()
        .put("path.home", home.toString())
        .put("cluster.name", "secuq-engine")
        .put("node.name", "engine")
        .put("discovery.type", "single-node")
        .put("network.host", "127.0.0.1")
        .put("http.port", port)
        .put("transport.port", freePort())
        .put("http.type", "netty4")
        .put("transport.type", "netty4")
        .put("cluster.routing.allocation.disk.threshold_enabled", false)
        .build();
    Node node = new EngineNode(settings, List.of(Netty4Plugin.class));
    node.start();
    System.out.println("ready " + port);
    System.out.flush();
    while (System.in.read() != -1) {
      // Runs until its standard input closes.
    }
    node.close();
    System.exit(0);
  }
}
