"""Ask questions about education bureaus' annual work plans (工作要点) and get the task, its offices and a quote."""
