package vn.pcmt;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Drug-prevention plans (kế hoạch phòng, chống ma túy) on Camunda 7. */
@SpringBootApplication
public class PcmtApplication {

  public static void main(String[] args) {
    SpringApplication.run(PcmtApplication.class, args);
  }
}
