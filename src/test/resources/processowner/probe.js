java.lang.System.setProperty('pcmt.sandbox.probe', 'ran');
