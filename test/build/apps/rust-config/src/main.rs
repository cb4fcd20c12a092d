// A server shaped like many Rust services: at start it reads its settings from App.toml in the
// working directory (as Rocket reads Rocket.toml) and fails without them. For the test it prints
// what it would serve and exits.
use std::fs;
use std::process::exit;

fn main() {
    let settings = match fs::read_to_string("App.toml") {
        Ok(text) => text,
        Err(error) => {
            eprintln!("cannot read App.toml: {error}");
            exit(1);
        }
    };
    let mut greeting = String::from("hello");
    let mut port = String::from("8000");
    for line in settings.lines() {
        if let Some((key, value)) = line.split_once('=') {
            let value = value.trim().trim_matches('"').to_string();
            match key.trim() {
                "greeting" => greeting = value,
                "port" => port = value,
                _ => {}
            }
        }
    }
    println!("{greeting} from greeter-server on port {port}");
}
