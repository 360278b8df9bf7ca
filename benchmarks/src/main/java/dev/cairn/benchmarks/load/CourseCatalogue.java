package dev.cairn.benchmarks.load;

import java.util.List;

/**
 * The micro-credentials the load generator issues: short courses with a description, skills and assessment
 * criteria, and the training providers that issue them. The words in {@link #SEARCH_QUERIES} each occur in a few
 * courses only, so a search on a filled wallet returns a subset rather than everything or nothing.
 */
final class CourseCatalogue {
  record Course(String title, String description, List<String> skills, String criteria) {}

  static final List<String> PROVIDERS = List.of(
      "Riverside Training College", "Northfield Institute of Technology", "Open Skills Academy",
      "Harbour City Adult Learning");

  static final List<String> SEARCH_QUERIES = List.of(
      "safety", "python", "data analysis", "customer service", "leadership", "sustainability", "first aid",
      "welding");

  static final List<Course> COURSES = List.of(
      course("Food Safety Level 2", "Safe food handling, hygiene and temperature control for kitchen staff.",
          "Pass the 40-question food safety assessment with 80 % or more.",
          "food hygiene", "allergen management", "temperature control"),
      course("Emergency First Aid at Work", "Responding to workplace emergencies until help arrives.",
          "Demonstrate CPR and the recovery position to an assessor.",
          "first aid", "CPR", "casualty assessment"),
      course("Introduction to Python Programming", "Variables, control flow, functions and files in Python 3.",
          "Submit five graded programming exercises.",
          "python", "programming", "problem solving"),
      course("Data Analysis with Python", "Cleaning, summarising and charting tabular data with pandas.",
          "Complete a data analysis project on a public data set.",
          "python", "data analysis", "visualisation"),
      course("SQL for Data Analysis", "Querying relational databases: joins, grouping and window functions.",
          "Answer twenty analysis questions with SQL queries.",
          "SQL", "data analysis", "databases"),
      course("Cloud Fundamentals", "Compute, storage and networking services of public clouds.",
          "Pass the online multiple-choice exam.",
          "cloud computing", "networking", "cost management"),
      course("Cybersecurity Essentials", "Threats, controls and incident response for small organisations.",
          "Write an incident response plan for a case study.",
          "security awareness", "threat modelling", "incident response"),
      course("Digital Accessibility (WCAG 2.2)", "Designing and testing web pages everyone can use.",
          "Audit a web page and fix the issues found.",
          "accessibility", "inclusive design", "usability testing"),
      course("UX Research Methods", "Interviews, surveys and usability tests that inform design.",
          "Plan and run a usability test with five participants.",
          "user research", "interviewing", "usability testing"),
      course("Project Management Foundations", "Planning, scheduling and controlling small projects.",
          "Produce a project plan with a risk register.",
          "project planning", "risk management", "stakeholder communication"),
      course("Agile Scrum Practitioner", "Running sprints, reviews and retrospectives in a scrum team.",
          "Facilitate a sprint retrospective observed by an assessor.",
          "scrum", "agile delivery", "facilitation"),
      course("Leadership for New Managers", "Leading a team through goals, feedback and coaching.",
          "Complete a 360-degree leadership review and a reflective log.",
          "leadership", "coaching", "giving feedback"),
      course("Customer Service Excellence", "Understanding customer needs and resolving complaints.",
          "Handle three role-played customer complaints.",
          "customer service", "communication", "complaint handling"),
      course("Health and Safety in the Workplace", "Hazards, risk assessment and safe systems of work.",
          "Carry out a workplace risk assessment.",
          "workplace safety", "risk assessment", "fire safety"),
      course("Manual Handling", "Lifting and moving loads without injury.",
          "Demonstrate safe lifting technique to an assessor.",
          "manual handling", "ergonomics", "workplace safety"),
      course("Forklift Truck Operation", "Operating counterbalance forklift trucks in a warehouse.",
          "Pass the practical driving test and the theory paper.",
          "forklift operation", "load handling", "warehouse safety"),
      course("MIG Welding Level 1", "Setting up MIG equipment and producing fillet and butt welds.",
          "Produce three welds that pass visual and bend inspection.",
          "welding", "metal fabrication", "workshop safety"),
      course("Electrical Installation Basics", "Domestic wiring, circuit protection and testing.",
          "Install and test a ring final circuit.",
          "electrical wiring", "circuit testing", "electrical safety"),
      course("Solar PV Installation", "Designing and installing small photovoltaic systems.",
          "Design a rooftop system and commission a training rig.",
          "renewable energy", "sustainability", "electrical installation"),
      course("Sustainability in Business", "Measuring and reducing an organisation's environmental impact.",
          "Write a carbon reduction plan for a real organisation.",
          "sustainability", "carbon accounting", "reporting"),
      course("Bookkeeping Essentials", "Double-entry bookkeeping, ledgers and bank reconciliation.",
          "Complete a month of bookkeeping for a case-study business.",
          "bookkeeping", "accounting", "spreadsheets"),
      course("Excel for Business", "Formulas, pivot tables and charts for everyday reporting.",
          "Build a reporting workbook from raw sales data.",
          "spreadsheets", "data analysis", "reporting"),
      course("Public Speaking", "Structuring and delivering a talk with confidence.",
          "Deliver a five-minute talk assessed against a rubric.",
          "presentation skills", "communication", "storytelling"),
      course("Mental Health First Aid", "Recognising and responding to mental health crises.",
          "Complete the four sessions and a scenario assessment.",
          "mental health", "first aid", "active listening"),
      course("Safeguarding Children and Vulnerable Adults", "Recognising abuse and reporting concerns.",
          "Pass the safeguarding scenarios quiz.",
          "safeguarding", "child protection", "reporting concerns"),
      course("Barista Skills", "Espresso extraction, milk texturing and café service.",
          "Prepare six drinks to standard in fifteen minutes.",
          "coffee preparation", "customer service", "food hygiene"),
      course("Digital Marketing Fundamentals", "Search, social media and email marketing for small businesses.",
          "Plan a three-month campaign with measurable goals.",
          "digital marketing", "SEO", "social media"),
      course("Machine Learning Foundations", "Supervised learning, evaluation and bias with Python.",
          "Train and evaluate a model on a provided data set.",
          "machine learning", "python", "statistics"),
      course("Conflict Resolution", "De-escalating disputes and negotiating outcomes at work.",
          "Mediate a role-played dispute observed by an assessor.",
          "negotiation", "mediation", "communication"),
      course("Care Certificate Standards", "The fifteen standards for health and social care workers.",
          "Be observed meeting each standard in the workplace.",
          "person-centred care", "safeguarding", "infection prevention"),
      course("Spanish for Hospitality A1", "Greeting guests, taking orders and giving directions in Spanish.",
          "Pass the A1 listening and speaking test.",
          "Spanish", "hospitality", "customer service"),
      course("Team Leadership in Construction", "Leading site teams safely and to programme.",
          "Lead a toolbox talk and a site safety walk.",
          "leadership", "site safety", "team management"));

  private CourseCatalogue() {}

  private static Course course(String title, String description, String criteria, String... skills) {
    return new Course(title, description, List.of(skills), criteria);
  }
}
