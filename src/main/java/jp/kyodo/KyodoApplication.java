package jp.kyodo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class KyodoApplication {

  public static void main(String[] args) {
    SpringApplication.run(KyodoApplication.class, args);
  }
}
