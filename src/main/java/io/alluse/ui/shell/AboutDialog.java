package io.alluse.ui.shell;

import io.alluse.ui.WorkstationServices;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Help -> About: version, and where the data, backups, logs and broker credentials are. */
final class AboutDialog {

    private AboutDialog() {
    }

    static void show(Window owner, WorkstationServices services) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle("About " + services.appName());
        alert.setHeaderText(header(services));
        alert.setContentText(text(services));
        alert.showAndWait();
    }

    static String header(WorkstationServices services) {
        return services.appName() + " " + services.version();
    }

    static String text(WorkstationServices services) {
        return "Runs the ALL-USE options method across independent brokerage accounts.\n\n"
                + "Database:  " + services.dataDir().resolve("alluse.mv.db") + "\n"
                + "Backups:   " + services.backups().folder() + "\n"
                + "Logs:      " + services.logDir() + "\n"
                + "Credentials: " + services.accounts().credentials().map(io.alluse.secrets.CredentialStore::where)
                        .orElse("none (no broker with keys is set up)") + "\n\n"
                + "Java " + Runtime.version() + ", JavaFX " + System.getProperty("javafx.runtime.version", "?");
    }
}
