package vn.pcmt.calendar;

import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * The working-day calendar and the reporting regime, read once at start-up from their files
 * ({@code pcmt.calendar.location}, {@code pcmt.calendar.reporting-regime}).
 */
@Configuration(proxyBeanMethods = false)
class CalendarConfig {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarConfig.class);

  @Bean
  WorkingCalendar workingCalendar(
      @Value("${pcmt.calendar.location:classpath:calendar/vietnam-days-off.yaml}") Resource location) {
    try (InputStream in = location.getInputStream()) {
      WorkingCalendar calendar = WorkingCalendar.read(in, location.getDescription());
      // so that an operator sees at a glance whether next year's announcement has been added
      LOG.info("Working-day calendar from {}: announced days off for {}; other years follow the statutory rule",
          location.getDescription(), calendar.announcedYears());
      return calendar;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the days-off file " + location + ": " + e.getMessage(), e);
    }
  }

  @Bean
  ReportingRegime reportingRegime(
      @Value("${pcmt.calendar.reporting-regime:classpath:calendar/reporting-regime.yaml}") Resource location) {
    try (InputStream in = location.getInputStream()) {
      ReportingRegime regime = ReportingRegime.read(in, location.getDescription());
      LOG.info("Reporting regime for deadlines \"theo quy định\" from {}: {}", location.getDescription(),
          regime.name());
      return regime;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the reporting regime " + location + ": " + e.getMessage(), e);
    }
  }
}
