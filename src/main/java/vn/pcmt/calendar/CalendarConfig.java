package vn.pcmt.calendar;

import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/** The working-day calendar, read once at start-up from the days-off file ({@code pcmt.calendar.location}). */
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
}
